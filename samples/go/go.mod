module xeno/samples

go 1.19
