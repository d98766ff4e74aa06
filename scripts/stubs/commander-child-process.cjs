// commander loads child_process with itself, for subcommands that are executables of their own;
// contract has none. In the bundle it gets this instead, which loads child_process only if
// commander ever reaches for it: loading it costs every command ~5 ms (callgrind).
let loaded;
module.exports = new Proxy(
  {},
  {
    get(_, name) {
      loaded ??= require('node:child_process');
      return loaded[name];
    },
  },
);
