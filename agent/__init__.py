"""anima's brain: config, CLI, daemon, router, grounded chat and the model registry."""
