#pragma once
// The jobs table, one row per column: its name, its SQL declaration, when it is written and how a
// JobRecord member goes in and comes out. The CREATE TABLE, the SELECT list, the INSERT and the
// UPDATE are derived from it, so that a new job column is one row here (plus, for the state
// files that exist already, one migration step in schema.cpp). Enums are stored by their names,
// through the model's to_string and parse functions.

#include <span>
#include <string>
#include <string_view>

#include "emulator/sqlite.hpp"
#include "emulator/store.hpp"

namespace iotc::emulator {

struct JobColumn {
  enum class Written {
    never,      // the key: SQLite assigns it
    on_insert,  // fixed when the job is created
    on_update,  // on insert, then again on every update_job
  };

  std::string_view name;
  std::string_view declaration;  // type and constraints, as in CREATE TABLE
  Written written;
  void (*bind)(Statement& statement, int index, const JobRecord& job);
  void (*read)(const Statement& row, int column, JobRecord& job);
};

std::span<const JobColumn> job_columns();

// "jobs(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, ...)".
const std::string& jobs_table_definition();
// "SELECT seq, id, ... FROM jobs " (followed by a WHERE clause).
const std::string& job_select();
const std::string& job_insert();
const std::string& job_update();  // by seq

// A row of job_select(), its columns in table order.
JobRecord read_job_row(const Statement& row);
void bind_job_insert(Statement& insert, const JobRecord& job);
void bind_job_update(Statement& update, const JobRecord& job);

}  // namespace iotc::emulator
