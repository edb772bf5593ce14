/* arch/i386/decode.c - the decoders of arch/hooks.h: x86's, shared with x86_64. */
#include "../x86/decode.c"
