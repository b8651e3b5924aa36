// Path parameters as RestProvider writes them (docs/rest-api.md, "Path parameters"):
// percent-encoded, and an id that would be a dot segment or empty (".", "..", "") sent with a
// leading "!" ("!.", "!..", "!"). RestProvider encodes "!" itself as %21, so a leading literal "!"
// only ever marks this escape. Returns null for invalid percent-encoding.

/** @param {string} segment one raw (still encoded) path segment @returns {string | null} */
export function decodePathSegment(segment) {
  try {
    return decodeURIComponent(segment.startsWith('!') ? segment.slice(1) : segment);
  } catch {
    return null;
  }
}
