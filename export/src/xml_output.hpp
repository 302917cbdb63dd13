#pragma once
// Private to kg::exporter: saving a pugixml document the same way for GraphML and GEXF.

#include <pugixml.hpp>

#include <ostream>
#include <string>

#include "kg/core/diagnostics.hpp"

namespace kg::exporter::detail {

/// Appends the root element `name` in namespace `xmlns`, with its XSD location for validators.
inline pugi::xml_node add_root(pugi::xml_document& doc, const char* name, const char* xmlns,
                               const char* xsd) {
  pugi::xml_node root = doc.append_child(name);
  root.append_attribute("xmlns") = xmlns;
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") = (std::string(xmlns) + " " + xsd).c_str();
  return root;
}

/// Writes `doc` as indented UTF-8 with an XML declaration. Text was cleaned by display_text()
/// before it went in; pugixml escapes `& < > "` and writes tab, LF and CR in attributes as
/// character references, so values survive attribute normalisation. Throws core::Error naming
/// `format` when the stream fails.
inline void save_xml(const pugi::xml_document& doc, std::ostream& out, const char* format) {
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  out.flush();
  if (!out) throw core::Error(std::string("cannot write ") + format + ": output stream failed");
}

}  // namespace kg::exporter::detail
