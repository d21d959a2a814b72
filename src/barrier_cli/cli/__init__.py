"""The command-line layer: typer wiring only; every command calls one library function."""
