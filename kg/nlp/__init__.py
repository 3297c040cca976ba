"""spaCy side: pipeline construction and components that only *mark* spans."""
