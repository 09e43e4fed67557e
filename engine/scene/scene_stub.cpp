// Placeholder until the scene loader lands (issue 7).
