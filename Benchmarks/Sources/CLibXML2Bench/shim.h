#ifndef NEWSFLOW_BENCH_CLIBXML2_SHIM_H
#define NEWSFLOW_BENCH_CLIBXML2_SHIM_H

// Same as the root's Sources/CLibXML2/shim.h: Debian's libxml2 headers pull in ICU types that
// clash with Foundation's, and nothing here needs ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

static void newsflow_bench_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

/// Silence libxml2's generic error handler, as the extractor does.
static inline void newsflow_bench_xml_silence_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, newsflow_bench_silent_error);
    xmlSetGenericErrorFunc(NULL, newsflow_bench_silent_error);
}

#endif
