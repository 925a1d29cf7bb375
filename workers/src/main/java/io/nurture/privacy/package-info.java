/**
 * A person's rights over their data (GDPR articles 15, 17, 20): erasure on request and after a
 * time without orders, recorded without the data. Each capability removes what it holds of the
 * person when it hears of the erasure ({@link io.nurture.customer.CustomerErased}).
 */
package io.nurture.privacy;
