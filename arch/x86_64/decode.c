/* arch/x86_64/decode.c - the decoders of arch/hooks.h: x86's, shared with i386. */
#include "../x86/decode.c"
