#include <utility>

#include "api/client.hpp"
#include "api/client_errors.hpp"
#include "api/page_text.hpp"
#include "errors.hpp"

namespace iotc::api {

RawPager::RawPager(Client& client, std::string first_url, std::string what)
    : client_(&client), next_url_(std::move(first_url)), what_(std::move(what)) {}

std::optional<model::Json> RawPager::next() {
  if (!advance(false)) return std::nullopt;
  if (text_page_) return model::Json::parse(page_text_.item(index_++));
  return std::move(page_items_[index_++]);
}

std::optional<std::string_view> RawPager::next_text() {
  if (!advance(true)) return std::nullopt;
  if (text_page_) return page_text_.item(index_++);
  item_text_ = page_items_[index_++].dump(-1, ' ', false, model::Json::error_handler_t::replace);
  return item_text_;
}

bool RawPager::advance(bool as_text) {
  while (index_ >= (text_page_ ? page_text_.size() : page_items_.size())) {
    // The previous page's nextLink is checked only now, when it is needed: the items already
    // received are delivered first, and a foreign link fails before anything is sent to it.
    if (next_link_) next_url_ = client_->follow_next_link(*std::exchange(next_link_, {}));
    if (!next_url_) return false;
    fetch(as_text);
  }
  return true;
}

void RawPager::fetch(bool as_text) {
  Request request = client_->make_request(Method::get, *next_url_);
  Response response = client_->call(request, true, what_);
  ++pages_fetched_;
  // Not JSON, too deep, or a repeated member name: the DOM parse reports the error (exactly as
  // for any other answer) or keeps the last of the repeated values.
  std::optional<PageText> text = as_text ? read_page_text(response.body) : std::nullopt;
  if (!text) {
    model::Json page = parse_body(response, request);
    text = page_text_of(page, as_text);
    if (!as_text && text->is_page) page_items_ = std::move(page["value"]);
  }
  if (!text->is_page) {
    throw NetworkError("the answer to GET " + redact_text(request.url) +
                       " is not a page: it has no \"value\" array");
  }
  index_ = 0;
  next_url_.reset();
  next_link_ = std::move(text->next_link);
  text_page_ = as_text;
  if (as_text) page_text_ = std::move(*text);
}

}  // namespace iotc::api
