"""The command line: ``presscut COMMAND ...`` (see ``presscut --help``)."""
