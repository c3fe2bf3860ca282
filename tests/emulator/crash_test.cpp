// crash_test: being written.
