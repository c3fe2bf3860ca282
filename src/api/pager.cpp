#include <utility>

#include "api/client.hpp"
#include "api/client_errors.hpp"
#include "errors.hpp"

namespace iotc::api {

RawPager::RawPager(Client& client, std::string first_url, std::string what)
    : client_(&client), next_url_(std::move(first_url)), what_(std::move(what)) {}

std::optional<model::Json> RawPager::next() {
  while (index_ >= page_items_.size()) {
    // The previous page's nextLink is checked only now, when it is needed: the items already
    // received are delivered first, and a foreign link fails before anything is sent to it.
    if (next_link_) next_url_ = client_->follow_next_link(*std::exchange(next_link_, {}));
    if (!next_url_) return std::nullopt;
    fetch();
  }
  return std::move(page_items_[index_++]);
}

void RawPager::fetch() {
  Request request = client_->make_request(Method::get, *next_url_);
  model::Json page = parse_body(client_->call(request, true, what_), request);
  ++pages_fetched_;
  if (!page.is_object() || !page.contains("value") || !page["value"].is_array()) {
    throw NetworkError("the answer to GET " + redact_text(request.url) +
                       " is not a page: it has no \"value\" array");
  }
  page_items_ = std::move(page["value"]);
  index_ = 0;
  next_url_.reset();
  if (auto link = page.find("nextLink"); link != page.end() && link->is_string()) {
    if (const auto& text = link->get_ref<const std::string&>(); !text.empty()) {
      next_link_ = text;
    }
  }
}

}  // namespace iotc::api
