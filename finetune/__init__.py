"""anima's learning: facts from notes into LoRA training, merged and quantized to GGUF."""
