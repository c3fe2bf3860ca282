#include "util/uuid.hpp"

#include <array>
#include <random>

namespace iotc::util {

std::string new_uuid_v4() {
  // Each id is drawn whole from the device: a generator seeded once would give two processes
  // started alike the same ids. One device per thread, as opening it is the costly part.
  thread_local std::random_device device;
  std::array<unsigned char, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    const auto word = device();
    for (std::size_t j = 0; j < 4; ++j) {
      bytes[i + j] = static_cast<unsigned char>((word >> (8 * j)) & 0xff);
    }
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += kHex[bytes[i] >> 4];
    text += kHex[bytes[i] & 0x0f];
  }
  return text;
}

}  // namespace iotc::util
