/**
 * Who is calling, as far as the server itself can tell: the TCP peer address (never a header the caller writes),
 * grouped into the network a single subscriber usually holds. Keys for throttles and rate limits come from here,
 * so that no caller can choose the key it is counted under, or count under someone else's.
 */
package dev.portcullis.oauth.caller;
