#pragma once
// Catch2 shows a job status by its name in a failed check (not as the enum's number). Every test
// file that checks statuses includes this, so that all of them see the same specialisation.

#include <catch2/catch.hpp>
#include <string>

#include "model/status.hpp"

template <>
struct Catch::StringMaker<iotc::model::JobStatus> {
  static std::string convert(iotc::model::JobStatus status) {
    return std::string(iotc::model::to_string(status));
  }
};
