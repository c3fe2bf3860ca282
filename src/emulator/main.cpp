// iotc-jobs-emulator: a local Azure IoT Central jobs service. See docs/emulator.md.
#include "emulator/options.hpp"
#include "emulator/run.hpp"

int main(int argc, char** argv) {
  iotc::emulator::EmulatorOptions options;
  if (auto exit_code = iotc::emulator::parse_options(argc, argv, options)) return *exit_code;
  return iotc::emulator::run_emulator(options);
}
