module xeno/testtools

go 1.19
