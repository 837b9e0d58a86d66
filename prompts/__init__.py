"""The prompt files, shipped inside the package as `briefer.prompt_files` (pyproject.toml maps
this folder there), so an installed briefer finds them without the source tree."""
