/**
 * What any capability says of a caller's request it refuses: which field, as the API names it, and
 * why. The web layer turns it into one kind of problem answer, whichever capability refused.
 */
package io.nurture.request;
