"""Reading and writing data files: TOML scenarios and rules, Python rule files,
and the bundled data sets. Every problem names the file, the table and the key."""
