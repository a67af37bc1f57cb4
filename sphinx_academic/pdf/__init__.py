"""The PDF of the CV page: ``typst`` renders the page's doctree (the same model as the web page)
into Typst markup, ``output`` compiles it in the html build and links it under the title."""
