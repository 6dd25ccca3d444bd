"""The Export menu: PDF documents with print preview, spreadsheets, topic forms and their import."""
