--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: articles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.articles (
    article_id character varying(128) NOT NULL,
    url text,
    title text,
    source text,
    published date,
    published_basis character varying(32),
    language character varying(16),
    text text NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    id character varying(64) NOT NULL,
    article_id character varying(128) NOT NULL,
    mode character varying(16) NOT NULL,
    date date,
    date_end date,
    event_type character varying(64),
    sub_event_type character varying(64),
    disorder_type character varying(64),
    country character varying(128),
    iso3 character varying(3),
    admin1 character varying(128),
    admin2 character varying(128),
    location_name character varying(256),
    lat double precision,
    lon double precision,
    actor1 character varying(256),
    actor2 character varying(256),
    fatalities_best integer,
    record json NOT NULL
);


--
-- Name: inputs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inputs (
    id integer NOT NULL,
    article_id character varying(128),
    origin text NOT NULL,
    sha256 character varying(64),
    outcome character varying(16) NOT NULL,
    reason text,
    n_events integer NOT NULL,
    published date,
    ingested_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_inputs_outcome CHECK (((outcome)::text = ANY ((ARRAY['events'::character varying, 'no_event'::character varying, 'skipped'::character varying])::text[])))
);


--
-- Name: inputs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.inputs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: inputs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.inputs_id_seq OWNED BY public.inputs.id;


--
-- Name: store_meta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.store_meta (
    key character varying(64) NOT NULL,
    value character varying(256) NOT NULL
);


--
-- Name: inputs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inputs ALTER COLUMN id SET DEFAULT nextval('public.inputs_id_seq'::regclass);


--
-- Data for Name: articles; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.articles VALUES ('a_pk', NULL, 'A report', 'Example News', '2024-01-30', 'argument', 'en', 'Report from Pakistan. Report from Pakistan. Report from Pakistan. ');
INSERT INTO public.articles VALUES ('a_ke', NULL, 'A report', 'Example News', '2024-01-30', 'argument', 'en', 'Report from Kenya. Report from Kenya. Report from Kenya. ');
INSERT INTO public.articles VALUES ('a_none', NULL, 'A report', 'Example News', '2024-01-30', 'argument', 'en', 'Nothing happened.');


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.events VALUES ('e_b', 'a_pk', 'reported', '2024-01-30', NULL, 'Battles', NULL, NULL, 'Pakistan', 'PAK', NULL, NULL, 'Somewhere', 30, 70, NULL, NULL, 5, '{"id": "e_b", "article": {"id": "a_pk", "url": null, "title": "A report", "source": null, "published": "2024-01-30", "published_basis": null}, "mode": "reported", "date": "2024-01-30", "date_end": null, "time_precision": null, "disorder_type": null, "event_type": "Battles", "sub_event_type": null, "actor1": null, "actor2": null, "assoc_actors": [], "victims": [], "targets": [], "location": {"name": "Somewhere", "admin1": null, "admin2": null, "admin3": null, "country": "Pakistan", "iso3": "PAK", "lat": 30.0, "lon": 70.0, "geo_precision": null, "geonameid": null}, "fatalities": {"low": 5, "best": 5, "high": 5}, "fatalities_by_group": [], "injuries": null, "abducted": null, "arrested": null, "weapons": [], "claimed_by": [], "disputes": [], "evidence": [{"field": "event_type", "start": 0, "end": 6, "quote": "Report", "reason": null}], "notes": null, "confidence": null, "sources": [], "revisions": [], "merged_from": []}');
INSERT INTO public.events VALUES ('e_undated', 'a_pk', 'reported', NULL, NULL, 'Battles', NULL, NULL, 'Pakistan', 'PAK', NULL, NULL, 'Somewhere', 30, 70, NULL, NULL, NULL, '{"id": "e_undated", "article": {"id": "a_pk", "url": null, "title": "A report", "source": null, "published": "2024-01-30", "published_basis": null}, "mode": "reported", "date": null, "date_end": null, "time_precision": null, "disorder_type": null, "event_type": "Battles", "sub_event_type": null, "actor1": null, "actor2": null, "assoc_actors": [], "victims": [], "targets": [], "location": {"name": "Somewhere", "admin1": null, "admin2": null, "admin3": null, "country": "Pakistan", "iso3": "PAK", "lat": 30.0, "lon": 70.0, "geo_precision": null, "geonameid": null}, "fatalities": null, "fatalities_by_group": [], "injuries": null, "abducted": null, "arrested": null, "weapons": [], "claimed_by": [], "disputes": [], "evidence": [{"field": "event_type", "start": 9, "end": 15, "quote": "om Pak", "reason": null}], "notes": null, "confidence": null, "sources": [], "revisions": [], "merged_from": []}');
INSERT INTO public.events VALUES ('e_ke', 'a_ke', 'reported', '2024-02-05', NULL, 'Protests', NULL, NULL, 'Kenya', 'KEN', NULL, NULL, 'Somewhere', 30, 70, NULL, NULL, NULL, '{"id": "e_ke", "article": {"id": "a_ke", "url": null, "title": "A report", "source": null, "published": "2024-01-30", "published_basis": null}, "mode": "reported", "date": "2024-02-05", "date_end": null, "time_precision": null, "disorder_type": null, "event_type": "Protests", "sub_event_type": null, "actor1": null, "actor2": null, "assoc_actors": [], "victims": [], "targets": [], "location": {"name": "Somewhere", "admin1": null, "admin2": null, "admin3": null, "country": "Kenya", "iso3": "KEN", "lat": 30.0, "lon": 70.0, "geo_precision": null, "geonameid": null}, "fatalities": null, "fatalities_by_group": [], "injuries": null, "abducted": null, "arrested": null, "weapons": [], "claimed_by": [], "disputes": [], "evidence": [{"field": "event_type", "start": 4, "end": 10, "quote": "rt fro", "reason": null}], "notes": null, "confidence": null, "sources": [], "revisions": [], "merged_from": []}');


--
-- Data for Name: inputs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.inputs VALUES (1, 'a_pk', 'pk.txt', '476b7df63eae3c9e25d6cc655a3c10d9dad4038eb41b622585af053ae1c7817b', 'events', NULL, 2, '2024-01-30', '2026-12-01 19:28:23.551653+00');
INSERT INTO public.inputs VALUES (2, 'a_ke', 'ke.txt', 'ec2417d74bd627fb62ee724f0784f0333e44069663c94c46c6a83e3a95f5c70b', 'events', NULL, 1, '2024-01-30', '2026-12-01 19:28:23.556311+00');
INSERT INTO public.inputs VALUES (3, 'a_none', 'none.txt', '12d359c2c0f9b59f7b526fedb858e23dadf1dd120fdee2454eca6d9c1f8bb51f', 'no_event', NULL, 0, '2024-01-30', '2026-12-01 19:28:23.557982+00');
INSERT INTO public.inputs VALUES (4, NULL, 'x.bin', NULL, 'skipped', 'binary', 0, NULL, '2026-12-01 19:28:23.559344+00');


--
-- Data for Name: store_meta; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.store_meta VALUES ('schema_version', '1');


--
-- Name: inputs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.inputs_id_seq', 4, true);


--
-- Name: articles articles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (article_id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: inputs inputs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inputs
    ADD CONSTRAINT inputs_pkey PRIMARY KEY (id);


--
-- Name: inputs inputs_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inputs
    ADD CONSTRAINT inputs_sha256_key UNIQUE (sha256);


--
-- Name: store_meta store_meta_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.store_meta
    ADD CONSTRAINT store_meta_pkey PRIMARY KEY (key);


--
-- Name: inputs uq_inputs_origin_reason; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inputs
    ADD CONSTRAINT uq_inputs_origin_reason UNIQUE (origin, reason);


--
-- Name: ix_events_article_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_article_id ON public.events USING btree (article_id);


--
-- Name: ix_events_date; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_date ON public.events USING btree (date);


--
-- Name: ix_events_event_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_event_type ON public.events USING btree (event_type);


--
-- Name: ix_events_iso3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_events_iso3 ON public.events USING btree (iso3);


--
-- Name: events events_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(article_id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


