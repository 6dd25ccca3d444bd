"""Read models: what lists, documents, spreadsheets and the Overview show, read in a few queries."""
