import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa

# "publish" only means copying to the NAS in the majlis cupboard
SITEURL = 'http://nas.local/notes'
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
