from invoke import task

@task
def build(c):
    """Build the site into output/."""
    c.run('pelican content -s pelicanconf.py')

@task
def serve(c):
    """Serve locally on port 8000 with autoreload."""
    c.run('pelican -lr content -s pelicanconf.py -p 8000')

@task
def publish(c):
    c.run('pelican content -s publishconf.py')
    c.run('rsync -a --delete output/ nas.local:/volume1/web/notes/')
