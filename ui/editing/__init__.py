"""The editing desk: corrections, structure, codebook and annotations, notes, review, undo."""
