// fault_matrix_test: being written.
