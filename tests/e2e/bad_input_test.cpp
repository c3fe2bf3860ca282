// bad_input_test: being written.
