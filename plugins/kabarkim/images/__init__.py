"""Images (issue 5): phone photos -> responsive, metadata-free web images."""
