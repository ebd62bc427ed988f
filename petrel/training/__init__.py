"""Training petrel's learned parts from example data kept in the repository (CPU, deterministic)."""
