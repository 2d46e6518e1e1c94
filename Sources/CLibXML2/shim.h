#ifndef NEWSFLOW_CLIBXML2_SHIM_H
#define NEWSFLOW_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its headers then pull in ICU types that clash with
// Foundation's ('UErrorCode' has different definitions). Nothing here needs ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/encoding.h>

/// `xmlFree` is a global function pointer variable, which Swift cannot call directly.
static inline void newsflow_xmlFree(void *p) { xmlFree(p); }

static void newsflow_silent_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/// Silence libxml2's generic error handler for the calling thread (and for threads created later).
static inline void newsflow_xml_silence_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, newsflow_silent_generic_error);
    xmlSetGenericErrorFunc(NULL, newsflow_silent_generic_error);
}

#endif
