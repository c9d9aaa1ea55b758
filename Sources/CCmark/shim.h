#ifndef INTERLINK_CCMARK_SHIM_H
#define INTERLINK_CCMARK_SHIM_H
#include <cmark.h>
#endif
