python3 -m pip install "nox[uv]"
# draw the figures, run the notebooks,
# build the site into site/
nox -s build
# run every snippet and every check
nox -s tests
