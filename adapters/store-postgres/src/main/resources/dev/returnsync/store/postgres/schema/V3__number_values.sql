-- Numbers found by their value alone, whatever their scope: a tracking number typed without its carrier.
CREATE INDEX number_links_value ON ${schema}.number_links (tenant, value);
