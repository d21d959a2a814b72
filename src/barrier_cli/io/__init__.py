"""Reading and writing the records tree: YAML reading and locating, the loader and the
Tree, the store, git, and the caches. Imports only the core."""
