#pragma once
// Ctrl-C: the first SIGINT sets a flag that waits and page loops check, so the command stops
// cleanly with exit code 130 and leaves the job running at the service; a second SIGINT exits
// at once (a request may be blocking).

namespace iotc::cli {

class InterruptFlag {
 public:
  virtual ~InterruptFlag() = default;
  virtual bool raised() const = 0;
};

// The process-wide SIGINT flag. Installing the handler is the one process-wide act of the CLI,
// done once by main.
class SigintFlag : public InterruptFlag {
 public:
  static SigintFlag& install();
  bool raised() const override;

 private:
  SigintFlag() = default;
};

// Throws InterruptedError when the flag is raised.
void check_interrupt(const InterruptFlag& flag);

}  // namespace iotc::cli
