from barrier_cli.cli.main import run

run()
