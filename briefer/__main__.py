from briefer.cli import entry

entry()
