#include "emulator/uuid.hpp"

#include <cstdint>
#include <cstdio>
#include <random>

namespace iotc::emulator {

std::string new_uuid() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::uniform_int_distribution<std::uint64_t> dist;
  std::uint64_t a = dist(random), b = dist(random);
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return text;
}

}  // namespace iotc::emulator
