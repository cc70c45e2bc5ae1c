/**
 * An address cut into the pieces it may wrap between: after the scheme's "//", after a dot between labels of a
 * name, and before each "/", "?", "#" or "&". A host stays whole with its port (no "…:300" / "0"), and so does an IP
 * address, which reads as one number.
 */
export function addressPieces(address: string): string[] {
  const schemeEnd = address.indexOf('://');
  if (schemeEnd === -1) return [address];
  const head = address.slice(0, schemeEnd + 3);
  const rest = address.slice(schemeEnd + 3);
  return [head, ...rest.split(/(?=[/?#&])|(?<=\.)(?=[a-z])/i)].filter((piece) => piece !== '');
}
