// See package.json: url-regex-safe catches this and uses RegExp instead.
throw new Error('re2 is not installed in this project (metascraper uses RegExp)');
