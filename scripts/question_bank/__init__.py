"""The question bank: load and validate `data/questions.yaml`, render it to pages."""
