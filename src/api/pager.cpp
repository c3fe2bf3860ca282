#include "api/pager.hpp"

#include <utility>

#include "api/client_errors.hpp"
#include "api/redact.hpp"
#include "defaults.hpp"
#include "errors.hpp"

namespace iotc::api {

RawPager::RawPager(PageSource& source, std::string first_url, std::string what)
    : source_(&source), next_url_(std::move(first_url)), what_(std::move(what)) {}

namespace {

std::uint64_t hash_of(std::string_view url) {
  return std::hash<std::string_view>{}(url);
}

}  // namespace

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
    if (next_link_) {
      const std::string link = *std::exchange(next_link_, {});
      next_url_ = source_->next_page_url(link);
      if (!links_followed_.insert(hash_of(*next_url_)).second) {
        throw Error("the service's nextLink for " + what_ + " leads back to a page already " +
                    "read (" + one_line(link) + "), so the listing would " +
                    "never end; stopped after " + std::to_string(pages_fetched_) + " pages");
      }
    }
    if (!next_url_) return false;
    // Not NetworkError: a broken listing is not a passing fault that a wait may poll through.
    if (pages_fetched_ >= source_->max_pages()) {
      throw Error("stopped " + what_ + " after " + std::to_string(pages_fetched_) +
                  " pages, the most one command follows: the service keeps sending a " +
                  "nextLink");
    }
    if (empty_pages_in_a_row_ >= defaults::kMaxEmptyPagesInARow) {
      throw Error("stopped " + what_ + " after " + std::to_string(empty_pages_in_a_row_) +
                  " empty pages in a row, each with a nextLink: a broken listing");
    }
    // An empty page that links on is followed only after a pause: never a busy loop.
    if (empty_pages_in_a_row_ > 0) source_->pause(defaults::kEmptyPagePause);
    if (pages_fetched_ == 0) links_followed_.insert(hash_of(*next_url_));
    fetch(as_text);
  }
  return true;
}

void RawPager::fetch(bool as_text) {
  auto [request, response] = source_->get_page(*next_url_, what_);
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
  const std::size_t items = text->is_page ? (as_text ? text->size() : page_items_.size()) : 0;
  empty_pages_in_a_row_ = items == 0 ? empty_pages_in_a_row_ + 1 : 0;
  next_link_ = std::move(text->next_link);
  text_page_ = as_text;
  if (as_text) page_text_ = std::move(*text);
}

}  // namespace iotc::api
