#pragma once
// --columns with -o json or -o jsonl: each item keeps only the members the columns name, in the
// API's nesting ("progress.failed" stays {"progress":{"failed":3}}), as gh's --json selects
// fields. A path into an array keeps the whole array: its items keep their positions.

#include "output/columns.hpp"

namespace iotc::output {

Json select_members(const Json& item, const std::vector<Column>& columns);

}  // namespace iotc::output
