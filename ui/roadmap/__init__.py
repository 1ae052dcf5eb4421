"""The roadmap canvas: sequence the change on a timeline while the rules check it."""
