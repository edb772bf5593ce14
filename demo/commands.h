/* demo/commands.h - the subcommands of demo/vdso.c, one file each. */
#ifndef COMMANDS_H
#define COMMANDS_H

/* Each takes its own argv (argv[0] is its name) and returns the exit status. */
int cmd_summary(int argc, char **argv);
int cmd_auxv(int argc, char **argv);

/* "vdso: WHAT: ARG (try 'vdso help')" on stderr; returns 2. */
int usage_error(const char *what, const char *arg);

#endif
